resource "aws_datasync_agent" "office" {}

resource "aws_datasync_location_smb" "nas" {
  agent_arns = [aws_datasync_agent.office.arn]

  mount_options {
    version = "SMB3"
  }
  password        = "example-password"
  server_hostname = "files.example.internal"
  subdirectory    = "/share"
  user            = "datasync"
}

resource "aws_datasync_location_s3" "index" {
  s3_bucket_arn = aws_s3_bucket.index.arn
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_cloudwatch_log_group" "sync" {}

resource "aws_datasync_task" "monthly" {
  name                     = "${var.project_name}-monthly-batch-sync"
  source_location_arn      = aws_datasync_location_smb.nas.arn
  destination_location_arn = aws_datasync_location_s3.index.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.sync.arn

  options {
    verify_mode                    = "POINT_IN_TIME_CONSISTENT"
    transfer_mode                  = "CHANGED"
    preserve_deleted_files         = "REMOVE"
    preserve_devices               = "NONE"
    posix_permissions              = "NONE"
    bytes_per_second               = var.datasync_bandwidth_limit * 1000000 / 8
    task_queueing                  = "ENABLED"
    log_level                      = "TRANSFER"
    overwrite_mode                 = "ALWAYS"
    atime                          = "BEST_EFFORT"
    mtime                          = "PRESERVE"
    uid                            = "NONE"
    gid                            = "NONE"
    security_descriptor_copy_flags = "NONE"
  }

  schedule {
    schedule_expression = "cron(0 2 1 * ? *)"
  }

  tags = {
    Name = "${var.project_name}-datasync-task"
  }
}
