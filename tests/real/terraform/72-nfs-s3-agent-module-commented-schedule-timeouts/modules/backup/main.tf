# The bucket the share is copied into, with a folder made up front.
resource "aws_s3_bucket" "backup" {
  bucket        = "share-backup-bucket"
  force_destroy = true
}

resource "aws_s3_object" "landing" {
  bucket = aws_s3_bucket.backup.id
  key    = "migration/"
}

resource "aws_datasync_agent" "onprem" {
  ip_address = var.agent_public_ip
  name       = "share_agent"
}

data "aws_iam_policy_document" "copier_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["datasync.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "copier" {
  name               = "share_copier"
  assume_role_policy = data.aws_iam_policy_document.copier_trust.json
}

resource "aws_datasync_location_s3" "backup" {
  s3_bucket_arn = aws_s3_bucket.backup.arn
  subdirectory  = "/migration"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
  depends_on = [aws_datasync_agent.onprem, aws_iam_role.copier]
}

# The share the NFS host exports.
resource "aws_datasync_location_nfs" "share" {
  server_hostname = var.nfs_private_ip
  subdirectory    = "/home/ubuntu/shared_folder"

  on_prem_config {
    agent_arns = [aws_datasync_agent.onprem.arn]
  }
  depends_on = [aws_datasync_agent.onprem]
}

resource "aws_datasync_task" "share_to_bucket" {
  destination_location_arn = aws_datasync_location_s3.backup.arn
  name                     = "task"
  source_location_arn      = aws_datasync_location_nfs.share.arn

  /*
  # every hour
  schedule {
    schedule_expression = "cron(0 1 ? * * *)"
  }
  */

  options {
    bytes_per_second = -1
  }

  timeouts {
    create = "1m"
  }
  depends_on = [aws_datasync_location_s3.backup, aws_datasync_location_nfs.share]
}
