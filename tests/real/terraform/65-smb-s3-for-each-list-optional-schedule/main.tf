# Each file share is copied into the bucket a crawler reads; no share, nothing made.
locals {
  shares = { for s in var.datasync_shares : s.name => s }
}

resource "aws_s3_bucket" "originals" {
  bucket = "${var.name}-originals"
}

resource "aws_iam_role" "copier" {
  count = length(local.shares) > 0 ? 1 : 0
  name  = "${var.name}-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_secretsmanager_secret_version" "share" {
  for_each  = local.shares
  secret_id = each.value.password_secret_arn
}

resource "aws_datasync_location_smb" "share" {
  for_each        = local.shares
  server_hostname = each.value.smb_server
  subdirectory    = each.value.path
  domain          = each.value.subdomain == "" ? null : each.value.subdomain
  user            = each.value.user
  password        = data.aws_secretsmanager_secret_version.share[each.key].secret_string
  agent_arns      = [each.value.agent_arn]

  mount_options {
    version = "AUTOMATIC"
  }
}

resource "aws_datasync_location_s3" "share" {
  for_each      = local.shares
  s3_bucket_arn = aws_s3_bucket.originals.arn
  subdirectory  = "/shares/${each.key}/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier[0].arn
  }
}

resource "aws_datasync_task" "share" {
  for_each                 = local.shares
  name                     = "${var.name}-${each.key}"
  source_location_arn      = aws_datasync_location_smb.share[each.key].arn
  destination_location_arn = aws_datasync_location_s3.share[each.key].arn

  schedule {
    schedule_expression = each.value.schedule
  }

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    transfer_mode          = "CHANGED"
    preserve_deleted_files = "REMOVE" # a file removed from the share must leave the index too
    posix_permissions      = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
  }
}
