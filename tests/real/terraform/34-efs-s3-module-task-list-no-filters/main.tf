module "tasks" {
  source = "./task"
  datasync_tasks = [
    {
      name                     = "efs_to_s3"
      source_location_arn      = aws_datasync_location_s3.landing.arn
      destination_location_arn = aws_datasync_location_efs.shared.arn
      options = {
        posix_permissions = "NONE"
        uid               = "NONE"
        gid               = "NONE"
        verify_mode       = "ONLY_FILES_TRANSFERRED"
      }
      schedule_expression = "cron(0 6 ? * MON-FRI *)" # weekdays at 06:00 UTC
    }
  ]
}

resource "aws_datasync_location_s3" "landing" {
  s3_bucket_arn = aws_s3_bucket.landing.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.landing_access.arn
  }
}

resource "aws_datasync_location_efs" "shared" {
  efs_file_system_arn = aws_efs_file_system.shared.arn
  subdirectory        = "/"

  ec2_config {
    security_group_arns = [aws_security_group.datasync.arn]
    subnet_arn          = aws_subnet.private.arn
  }
}
